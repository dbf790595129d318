// esbuild bundles *.md files as text (esbuild.mjs: loader), so docs/rules.md ships inside dist/cli.js.
declare module '*.md' {
  const text: string;
  export default text;
}
