// Bundles the portal's script with form-js (from node_modules, installed by `npm ci` from the npm
// registry) into the application's static resources. Run by Maven (exec-maven-plugin).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, process.env.AGIR_STATIC_OUT || '../../../target/classes/static/assets');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [resolve(here, 'portal.js')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  outfile: resolve(out, 'portal.js'),
  logLevel: 'warning',
  legalComments: 'linked',
});
const assets = resolve(here, 'node_modules/@bpmn-io/form-js-viewer/dist/assets');
copyFileSync(resolve(assets, 'form-js.css'), resolve(out, 'form-js.css'));
copyFileSync(resolve(here, 'portal.css'), resolve(out, 'portal.css'));
// The back office's steering dashboard (ECharts) and process map (bpmn-js), each its own bundle.
for (const name of ['steering', 'process-map']) {
  await build({
    entryPoints: [resolve(here, `${name}.js`)],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    outfile: resolve(out, `${name}.js`),
    logLevel: 'warning',
    legalComments: 'linked',
  });
  copyFileSync(resolve(here, `${name}.css`), resolve(out, `${name}.css`));
}
const bpmnAssets = resolve(here, 'node_modules/bpmn-js/dist/assets');
copyFileSync(resolve(bpmnAssets, 'diagram-js.css'), resolve(out, 'diagram-js.css'));
copyFileSync(resolve(bpmnAssets, 'bpmn-js.css'), resolve(out, 'bpmn-js.css'));
console.log(`portal, steering and process map built into ${out}`);
// The administration's routing table (dmn-js viewer) and its styles.
await build({
  entryPoints: [resolve(here, 'admin.js')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  outfile: resolve(out, 'admin.js'),
  logLevel: 'warning',
  legalComments: 'linked',
});
const dmnAssets = resolve(here, 'node_modules/dmn-js/dist/assets');
for (const css of ['dmn-js-shared.css', 'dmn-js-decision-table.css']) {
  copyFileSync(resolve(dmnAssets, css), resolve(out, css));
}
// The icon font as files (the CSP allows fonts from 'self' only, not the embedded data: URIs).
mkdirSync(resolve(out, 'dmn-font'), { recursive: true });
for (const font of ['dmn.eot', 'dmn.svg', 'dmn.woff2', 'dmn.woff', 'dmn.ttf']) {
  copyFileSync(resolve(dmnAssets, 'dmn-font/font', font), resolve(out, 'dmn-font', font));
}
writeFileSync(resolve(out, 'dmn-font.css'), readFileSync(resolve(dmnAssets, 'dmn-font/css/dmn.css'), 'utf8')
  .replace(/url\('\.\.\/font\//g, "url('dmn-font/"));
copyFileSync(resolve(here, 'admin.css'), resolve(out, 'admin.css'));
console.log(`portal built into ${out}`);
