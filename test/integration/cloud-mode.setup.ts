// The jest project "cloud": its tests' runtimes run on the cloud-semantics store.
process.env.LZT_TEST_STORE = 'cloud';
