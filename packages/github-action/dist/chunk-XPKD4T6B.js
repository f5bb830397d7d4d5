import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);

// ../sca/dist/chunk-GB73CU7D.js
var MANIFEST_KINDS = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "package.json",
  "requirements.txt",
  "constraints.txt",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pyproject.toml",
  "Pipfile",
  "go.mod",
  "pom.xml",
  "gradle.lockfile",
  "build.gradle",
  "libs.versions.toml",
  "composer.lock",
  "composer.json",
  "Gemfile.lock",
  "Gemfile",
  "Cargo.lock",
  "Cargo.toml",
  "packages.lock.json",
  "packages.config",
  "*.csproj",
  "Directory.Packages.props",
  "vendored-js"
];
var V = String.raw`(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)`;
var re = (source, flags = "") => new RegExp(source.replaceAll("<V>", V), flags);
var VENDORED_LIBRARIES = [
  {
    npm: "jquery-ui",
    banners: [re(String.raw`jQuery UI - v<V>`), re(String.raw`jQuery UI (?:Library )?<V>`)]
  },
  { npm: "jquery-migrate", banners: [re(String.raw`jQuery Migrate (?:- )?v<V>`)] },
  { npm: "jquery-validation", banners: [re(String.raw`jQuery Validation Plugin (?:- )?v<V>`)] },
  {
    npm: "jquery",
    banners: [re(String.raw`/\*!? jQuery v<V> [|]`), re(String.raw`jQuery JavaScript Library v<V>`), re(String.raw`/\*!? jQuery v<V> jquery\.com`)]
  },
  { npm: "bootstrap", banners: [re(String.raw`\bBootstrap v<V> \(https?://getbootstrap\.com`), re(String.raw`\bBootstrap:? [\w-]+\.js v<V>`)] },
  // angular.js carries "@license AngularJS v…"; angular.min.js a bare "AngularJS v…" line
  { npm: "angular", banners: [re(String.raw`@license AngularJS v<V>`), re(String.raw`^\s*AngularJS v<V>\s*$`, "m")] },
  { npm: "@angular/core", banners: [re(String.raw`@license Angular v<V>`)] },
  {
    npm: "lodash",
    banners: [re(String.raw`@license\s+\*?\s*lodash <V>`, "i"), re(String.raw`\blodash <V> \(Custom Build\)`, "i")],
    constant: { signature: /\bLodash\b/, pattern: re(String.raw`(?:\bvar VERSION = '|\.VERSION=")<V>['"]`) }
  },
  {
    npm: "underscore",
    banners: [re(String.raw`^\s*//\s+Underscore\.js <V>\s*$`, "m")],
    // underscore.min.js has no banner: its UMD wrapper names it, its first statement holds the version
    constant: {
      signature: /^\s*\/\/\s+Underscore\.js|define\("underscore"/m,
      pattern: re(String.raw`_\.VERSION = '<V>'|noConflict=function\(\)\{return \w\._=\w,\w\}\)\}\(this,function\(\)\{var \w="<V>"`)
    }
  },
  {
    npm: "moment",
    banners: [re(String.raw`//! moment\.js\s+//! version : <V>`)],
    constant: { signature: /moment\.js/, pattern: re(String.raw`(?:hooks|moment)\.version = '<V>'`) }
  },
  { npm: "handlebars", banners: [re(String.raw`\bhandlebars v<V>`)] },
  {
    npm: "vue",
    banners: [re(String.raw`\bVue\.js v<V>`), re(String.raw`^\s*\*\s*vue v<V>`, "m")],
    constant: { signature: /\bVue\.js\b|\bvue v\d/, pattern: re(String.raw`Vue\.version = '<V>'`) }
  },
  { npm: "react-dom", banners: [re(String.raw`@license React v<V>\s+\*\s+react-dom\.`)] },
  { npm: "react", banners: [re(String.raw`@license React v<V>\s+\*\s+react\.`)] },
  {
    npm: "dompurify",
    banners: [re(String.raw`@license DOMPurify <V>`), re(String.raw`\bDOMPurify <V> \|`)],
    constant: { signature: /DOMPurify/, pattern: re(String.raw`DOMPurify\.version = '<V>'`) }
  },
  {
    npm: "backbone",
    banners: [re(String.raw`^\s*//\s+Backbone\.js <V>`, "m")],
    constant: { signature: /Backbone\.js/, pattern: re(String.raw`Backbone\.VERSION = '<V>'`) }
  },
  { npm: "knockout", banners: [re(String.raw`Knockout JavaScript library v<V>`)] },
  { npm: "ember-source", banners: [re(String.raw`Ember - JavaScript Application Framework[\s\S]{0,400}?@version\s+<V>`)] },
  { npm: "chart.js", banners: [re(String.raw`\bChart\.js v<V>`)] },
  { npm: "@popperjs/core", banners: [re(String.raw`@popperjs/core v<V>`)] },
  { npm: "popper.js", banners: [re(String.raw`@version <V>[\s\S]{0,200}?Federico Zivolo`)] },
  { npm: "select2", banners: [re(String.raw`/\*!? Select2 <V>`)] },
  { npm: "d3", banners: [re(String.raw`// https://d3js\.org v<V>`)] },
  { npm: "axios", banners: [re(String.raw`/\*!? Axios v<V>`), re(String.raw`/\*!? axios v<V>`)] },
  { npm: "marked", banners: [re(String.raw`\bmarked v<V>`)] },
  { npm: "mustache", banners: [re(String.raw`mustache\.js - Logic-less`)], constant: { signature: /mustache\.js/, pattern: re(String.raw`version: '<V>'|mustache\.version = ['"]<V>['"]`) } }
];
var LIBRARY_FILE_NAME = /^(?:jquery|bootstrap|angular|lodash|underscore|moment|handlebars|vue|react|react-dom|purify|dompurify|backbone|knockout|ember|chart|popper|select2|d3|axios|marked|mustache)(?:[.-][\w.-]*)?\.js$/i;
var VENDOR_DIR = /(?:^|\/)(?:vendors?|third[_-]?party|external|externals|bower_components|libs?|plugins|static|assets|public|wwwroot)\//i;
var named = (name) => (base) => base === name;
var FILE_MATCHERS = {
  "package-lock.json": named("package-lock.json"),
  "npm-shrinkwrap.json": named("npm-shrinkwrap.json"),
  "pnpm-lock.yaml": named("pnpm-lock.yaml"),
  "yarn.lock": named("yarn.lock"),
  "package.json": named("package.json"),
  // a constraints file pins versions without asking for the packages: read only through -c
  "requirements.txt": (base, path) => /\.txt$/i.test(base) && !/constraint/i.test(base) && (/requirements/i.test(base) || /(?:^|\/)requirements\/[^/]+$/i.test(path)),
  "constraints.txt": (base) => /\.txt$/i.test(base) && /constraint/i.test(base),
  "poetry.lock": named("poetry.lock"),
  "Pipfile.lock": named("Pipfile.lock"),
  "uv.lock": named("uv.lock"),
  "pyproject.toml": named("pyproject.toml"),
  Pipfile: named("Pipfile"),
  "go.mod": named("go.mod"),
  "pom.xml": named("pom.xml"),
  "gradle.lockfile": (base, path) => base === "gradle.lockfile" || base === "buildscript-gradle.lockfile" || /(?:^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path),
  "build.gradle": (base) => /^build\.gradle(?:\.kts)?$/.test(base),
  "libs.versions.toml": (base) => /\.versions\.toml$/.test(base),
  "composer.lock": named("composer.lock"),
  // a package's own composer.json under vendor/ is what Composer installed, listed in composer.lock
  "composer.json": (base, path) => base === "composer.json" && !/(?:^|\/)vendor\//.test(path),
  "Gemfile.lock": (base) => base === "Gemfile.lock" || base === "gems.locked",
  Gemfile: (base) => base === "Gemfile" || base === "gems.rb",
  "Cargo.lock": named("Cargo.lock"),
  "Cargo.toml": named("Cargo.toml"),
  "packages.lock.json": named("packages.lock.json"),
  "packages.config": (base) => base.toLowerCase() === "packages.config",
  "*.csproj": (base) => /\.(?:cs|fs|vb)proj$/i.test(base),
  "Directory.Packages.props": (base) => base.toLowerCase() === "directory.packages.props",
  "vendored-js": (base, path) => /\.(?:c|m)?js$/i.test(base) && (LIBRARY_FILE_NAME.test(base) || /\.min\.js$/i.test(base) || VENDOR_DIR.test(path))
};
var IGNORED_DIR = /(?:^|\/)(?:node_modules|\.git|\.hg|\.svn)\//;
function manifestKind(path) {
  if (IGNORED_DIR.test(path)) return void 0;
  const base = path.slice(path.lastIndexOf("/") + 1);
  return MANIFEST_KINDS.find((kind) => FILE_MATCHERS[kind](base, path));
}
var VERSION = "0.1.0";

export {
  VENDORED_LIBRARIES,
  manifestKind,
  VERSION
};
