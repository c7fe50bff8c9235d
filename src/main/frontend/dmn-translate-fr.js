// dmn-js speaks English; the administration speaks French. A translate module (bpmn.io's i18n hook:
// a `translate` service replacing the default one) with the words the read-only decision table and the
// DRD show. A string missing here stays in English: add it to TEXTS.
const TEXTS = {
  'View DRD': 'Voir le diagramme des décisions',
  'Hit policy:': 'Politique de résultat :',
  'Hit policy': 'Politique de résultat',
  'Decision name: ': 'Décision : ',
  'Decision name': 'Décision',
  'When': 'Quand',
  'And': 'Et',
  'Then': 'Alors',
  'Annotations': 'Annotations',
  'Annotation': 'Annotation',
  'Input': 'Entrée',
  'Output': 'Sortie',
  'Input label: ': 'Libellé de l’entrée : ',
  'Input label': 'Libellé de l’entrée',
  'Input expression: ': 'Expression de l’entrée : ',
  'Input expression': 'Expression de l’entrée',
  'Output label: ': 'Libellé de la sortie : ',
  'Output label': 'Libellé de la sortie',
  'Output name: ': 'Nom de la sortie : ',
  'Output name': 'Nom de la sortie',
  'Input values': 'Valeurs d’entrée',
  'Output values': 'Valeurs de sortie',
  'Input type': 'Type de l’entrée',
  'Output type': 'Type de la sortie',
  'Expression': 'Expression',
  'Unique': 'Unique',
  'First': 'Première',
  'Priority': 'Priorité',
  'Any': 'Quelconque',
  'Collect': 'Toutes',
  'Collect (Sum)': 'Toutes (somme)',
  'Collect (Min)': 'Toutes (minimum)',
  'Collect (Max)': 'Toutes (maximum)',
  'Collect (Count)': 'Toutes (nombre)',
  'Rule order': 'Ordre des règles',
  'Output order': 'Ordre des sorties',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched':
    'Les règles ne se recouvrent pas : une seule peut s’appliquer',
  'Rules may overlap. The first matching rule will be chosen':
    'Les règles peuvent se recouvrir : la première qui s’applique est retenue',
  'Rules may overlap. The one with the highest priority will be chosen':
    'Les règles peuvent se recouvrir : celle de plus haute priorité est retenue',
  'Rules may overlap. Their output have to match':
    'Les règles peuvent se recouvrir : leurs résultats doivent être identiques',
  'Collects the values of all matching rules':
    'Chaque règle qui s’applique ajoute son résultat',
  'Collects the values of all matching rules in rule order':
    'Chaque règle qui s’applique ajoute son résultat, dans l’ordre des règles',
  'string': 'texte',
  'integer': 'entier',
  'long': 'entier',
  'double': 'nombre',
  'boolean': 'oui/non',
  'date': 'date',
  'Open {element}': 'Ouvrir {element}',
};

function translateFr(template, replacements) {
  const text = TEXTS[template] !== undefined ? TEXTS[template] : template;
  const values = replacements || {};
  return text.replace(/{([^}]+)}/g, (_, key) => (values[key] !== undefined ? values[key] : '{' + key + '}'));
}

export default {
  translate: ['value', translateFr],
};
