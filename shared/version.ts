// The app's version: put in by the bundler from package.json; 'dev' when run from source.
declare const __VANTHU_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __VANTHU_VERSION__ === 'string' ? __VANTHU_VERSION__ : 'dev';
