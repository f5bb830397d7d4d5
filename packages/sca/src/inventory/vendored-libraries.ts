/**
 * JavaScript libraries recognised when they are copied into a repository as files: the npm
 * package each one is published as, and how its files say their version. Banners are
 * matched in the head of a file; a version constant is looked for in the whole file only
 * when the head carries the library's signature (minified builds keep the banner at the top
 * and the constant deep inside).
 */
export interface VendoredLibrary {
  npm: string;
  /** first capture group: the version */
  banners: RegExp[];
  constant?: { signature: RegExp; pattern: RegExp };
}

const V = String.raw`(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)`;
const re = (source: string, flags = ''): RegExp => new RegExp(source.replaceAll('<V>', V), flags);

export const VENDORED_LIBRARIES: readonly VendoredLibrary[] = [
  {
    npm: 'jquery-ui',
    banners: [re(String.raw`jQuery UI - v<V>`), re(String.raw`jQuery UI (?:Library )?<V>`)],
  },
  { npm: 'jquery-migrate', banners: [re(String.raw`jQuery Migrate (?:- )?v<V>`)] },
  { npm: 'jquery-validation', banners: [re(String.raw`jQuery Validation Plugin (?:- )?v<V>`)] },
  {
    npm: 'jquery',
    banners: [re(String.raw`/\*!? jQuery v<V> [|]`), re(String.raw`jQuery JavaScript Library v<V>`), re(String.raw`/\*!? jQuery v<V> jquery\.com`)],
  },
  { npm: 'bootstrap', banners: [re(String.raw`\bBootstrap v<V> \(https?://getbootstrap\.com`), re(String.raw`\bBootstrap:? [\w-]+\.js v<V>`)] },
  // angular.js carries "@license AngularJS v…"; angular.min.js a bare "AngularJS v…" line
  { npm: 'angular', banners: [re(String.raw`@license AngularJS v<V>`), re(String.raw`^\s*AngularJS v<V>\s*$`, 'm')] },
  { npm: '@angular/core', banners: [re(String.raw`@license Angular v<V>`)] },
  {
    npm: 'lodash',
    banners: [re(String.raw`@license\s+\*?\s*lodash <V>`, 'i'), re(String.raw`\blodash <V> \(Custom Build\)`, 'i')],
    constant: { signature: /\bLodash\b/, pattern: re(String.raw`(?:\bvar VERSION = '|\.VERSION=")<V>['"]`) },
  },
  {
    npm: 'underscore',
    banners: [re(String.raw`^\s*//\s+Underscore\.js <V>\s*$`, 'm')],
    // underscore.min.js has no banner: its UMD wrapper names it, its first statement holds the version
    constant: {
      signature: /^\s*\/\/\s+Underscore\.js|define\("underscore"/m,
      pattern: re(String.raw`_\.VERSION = '<V>'|noConflict=function\(\)\{return \w\._=\w,\w\}\)\}\(this,function\(\)\{var \w="<V>"`),
    },
  },
  {
    npm: 'moment',
    banners: [re(String.raw`//! moment\.js\s+//! version : <V>`)],
    constant: { signature: /moment\.js/, pattern: re(String.raw`(?:hooks|moment)\.version = '<V>'`) },
  },
  { npm: 'handlebars', banners: [re(String.raw`\bhandlebars v<V>`)] },
  {
    npm: 'vue',
    banners: [re(String.raw`\bVue\.js v<V>`), re(String.raw`^\s*\*\s*vue v<V>`, 'm')],
    constant: { signature: /\bVue\.js\b|\bvue v\d/, pattern: re(String.raw`Vue\.version = '<V>'`) },
  },
  { npm: 'react-dom', banners: [re(String.raw`@license React v<V>\s+\*\s+react-dom\.`)] },
  { npm: 'react', banners: [re(String.raw`@license React v<V>\s+\*\s+react\.`)] },
  {
    npm: 'dompurify',
    banners: [re(String.raw`@license DOMPurify <V>`), re(String.raw`\bDOMPurify <V> \|`)],
    constant: { signature: /DOMPurify/, pattern: re(String.raw`DOMPurify\.version = '<V>'`) },
  },
  {
    npm: 'backbone',
    banners: [re(String.raw`^\s*//\s+Backbone\.js <V>`, 'm')],
    constant: { signature: /Backbone\.js/, pattern: re(String.raw`Backbone\.VERSION = '<V>'`) },
  },
  { npm: 'knockout', banners: [re(String.raw`Knockout JavaScript library v<V>`)] },
  { npm: 'ember-source', banners: [re(String.raw`Ember - JavaScript Application Framework[\s\S]{0,400}?@version\s+<V>`)] },
  { npm: 'chart.js', banners: [re(String.raw`\bChart\.js v<V>`)] },
  { npm: '@popperjs/core', banners: [re(String.raw`@popperjs/core v<V>`)] },
  { npm: 'popper.js', banners: [re(String.raw`@version <V>[\s\S]{0,200}?Federico Zivolo`)] },
  { npm: 'select2', banners: [re(String.raw`/\*!? Select2 <V>`)] },
  { npm: 'd3', banners: [re(String.raw`// https://d3js\.org v<V>`)] },
  { npm: 'axios', banners: [re(String.raw`/\*!? Axios v<V>`), re(String.raw`/\*!? axios v<V>`)] },
  { npm: 'marked', banners: [re(String.raw`\bmarked v<V>`)] },
  { npm: 'mustache', banners: [re(String.raw`mustache\.js - Logic-less`)], constant: { signature: /mustache\.js/, pattern: re(String.raw`version: '<V>'|mustache\.version = ['"]<V>['"]`) } },
];

/** Base names that suggest a library file even outside a vendor folder. */
export const LIBRARY_FILE_NAME =
  /^(?:jquery|bootstrap|angular|lodash|underscore|moment|handlebars|vue|react|react-dom|purify|dompurify|backbone|knockout|ember|chart|popper|select2|d3|axios|marked|mustache)(?:[.-][\w.-]*)?\.js$/i;
