// The process map: the BPMN diagram drawn by bpmn-js (viewer with navigation only; the bpmn.io watermark
// stays, as its licence requires), a counter on each step where applications wait (red part: overdue), a
// click on a step opens the list of its applications. The same counts are in the page's table, with links.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

async function main() {
  const root = document.getElementById('carte-processus');
  if (!root) return;
  const key = root.dataset.processus;
  const canvasEl = root.querySelector('.carte-processus__canevas');
  const [xml, data] = await Promise.all([
    fetch(`/pilotage/processus/diagramme?processus=${encodeURIComponent(key)}`).then((r) => r.text()),
    fetch(`/pilotage/processus/donnees?processus=${encodeURIComponent(key)}`,
      { headers: { Accept: 'application/json' } }).then((r) => r.json()),
  ]);
  const viewer = new NavigatedViewer({ container: canvasEl });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const steps = new Map(data.steps.map((s) => [s.activityId, s]));
  const listUrl = (id) => `/pilotage/processus?processus=${encodeURIComponent(key)}&etape=${encodeURIComponent(id)}#liste`;
  for (const s of data.steps) {
    if (s.waiting > 0 && registry.get(s.activityId)) {
      const badge = document.createElement('span');
      badge.className = 'carte-processus__badge';
      badge.setAttribute('aria-hidden', 'true');
      const count = document.createElement('span');
      count.className = 'carte-processus__compteur';
      count.textContent = String(s.waiting);
      badge.appendChild(count);
      if (s.overdue > 0) {
        const late = document.createElement('span');
        late.className = 'carte-processus__compteur carte-processus__compteur--retard';
        late.textContent = `${s.overdue} en retard`;
        badge.appendChild(late);
      }
      overlays.add(s.activityId, { position: { top: -14, left: -6 }, html: badge });
    }
  }
  viewer.on('element.click', (e) => {
    const s = steps.get(e.element.id);
    if (s && s.waiting > 0) window.location.href = listUrl(s.activityId);
  });
  root.dataset.rendu = 'oui';
}

main().catch((e) => {
  const root = document.getElementById('carte-processus');
  if (root) root.dataset.rendu = 'erreur';
  console.error('Carte du processus :', e);
});
