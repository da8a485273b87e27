/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform of the current build; each build keeps only its own branch. */
    TARO_ENV: 'weapp' | 'h5';
  }
}

/** The CloudBase environment id, from LZT_ENV_ID at build time (config/index.ts defineConstants). */
declare const LZT_CLOUD_ENV: string;

/** The WeChat global; only touched in the weapp build, behind `typeof wx !== 'undefined'`. */
declare namespace WechatPrivacy {
  interface ResolveOption {
    event: 'exposureAuthorization' | 'agree' | 'disagree';
    /** Id of the agreePrivacyAuthorization button; required when event is 'agree'. */
    buttonId?: string;
  }
  type Resolve = (option: ResolveOption) => void;
}

declare const wx: {
  onNeedPrivacyAuthorization?: (listener: (resolve: WechatPrivacy.Resolve, eventInfo: { referrer: string }) => void) => void;
  [key: string]: unknown;
};
