// The administration's routing table: bpmn/opinion-routing.dmn drawn read-only as its decision table
// with dmn-js (viewer only). The page already shows the same rules as an HTML table for everyone;
// this is the bpmn.io rendering the modellers know, its words in French. Nothing is editable here.
import DmnViewer from 'dmn-js/lib/Viewer';
import translateFr from './dmn-translate-fr';

async function showDecisionTable(container) {
  const status = document.getElementById(container.dataset.status);
  try {
    const response = await fetch(container.dataset.src, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const xml = await response.text();
    // Per view: dmn-js replaces the common options' additionalModules with each view's own.
    const viewer = new DmnViewer({
      container,
      drd: { additionalModules: [translateFr] },
      decisionTable: { additionalModules: [translateFr] },
      literalExpression: { additionalModules: [translateFr] },
    });
    await viewer.importXML(xml);
    const table = viewer.getViews().find((view) => view.type === 'decisionTable');
    if (table) {
      await viewer.open(table);
    }
    // dmn-js's table scrolls sideways in its own container: reachable by keyboard, and named.
    container.querySelectorAll('.tjs-table-container').forEach((scroller) => {
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', 'Table de décision (défilement horizontal)');
    });
    container.setAttribute('data-rendered', 'true');
    if (status) {
      status.textContent = 'Table de décision affichée.';
    }
  } catch (e) {
    container.setAttribute('data-rendered', 'error');
    if (status) {
      status.textContent = 'La table n’a pas pu être dessinée ; ses règles sont dans le tableau ci-dessous.';
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-dmn-table]').forEach(showDecisionTable);
});
