import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';
// The shared contracts live outside src/; Taro's script rule only covers src/ by default.
const contractsDir = path.resolve(__dirname, '..', 'contracts');
// zod ships ES2020 syntax the mini program runtime must not receive untranspiled.
const isZod = (file: string) => /node_modules[\\/]zod[\\/]/.test(file);

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linzhangtong',
    date: '2025-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // The CloudBase environment the mini program calls (Taro.cloud.init): LZT_ENV_ID at build
    // time, as `npm run deploy` builds it; '' (e.g. a local build) → the default environment.
    defineConstants: { LZT_CLOUD_ENV: JSON.stringify(process.env.LZT_ENV_ID ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's terser for the mini program writes every non-ASCII character as \uXXXX (6 bytes
    // for the 3 of UTF-8), so the pages' Chinese copy weighed double. Mini program sources are
    // UTF-8: they stay as written (the 2 MB package limits count these bytes). The H5 build
    // keeps Taro's default.
    ...(isH5 ? {} : { terser: { enable: true, config: { output: { ascii_only: false } } } }),
    mini: {
      compile: { include: [contractsDir, isZod] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [contractsDir] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
