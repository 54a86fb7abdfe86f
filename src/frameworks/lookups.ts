import type { Framework } from '../model/client.ts';
import type { Control, OwnerRole } from './catalog-schema.ts';
import type { CrosswalkTopic, Frameworks } from './load.ts';

/** The controls of one framework, in source order; empty when no catalog is loaded for it. */
export function controlsOf(frameworks: Frameworks, framework: Framework): readonly Control[] {
  return frameworks.catalogs.find((catalog) => catalog.framework === framework)?.controls ?? [];
}

/** A control by id; ids are unique across all catalogs. */
export function findControl(frameworks: Frameworks, id: string): Control | undefined {
  for (const catalog of frameworks.catalogs) {
    const control = catalog.controls.find((candidate) => candidate.id === id);
    if (control) return control;
  }
  return undefined;
}

/** The crosswalk topics that list this control. */
export function topicsOf(frameworks: Frameworks, id: string): readonly CrosswalkTopic[] {
  return frameworks.topics.filter((topic) => topic.controls.some((control) => control.id === id));
}

/**
 * Controls the crosswalk relates to `id` (sharing a topic with it), itself excluded, each once:
 * evidence for one of them counts for every framework a client is under.
 */
export function relatedControls(frameworks: Frameworks, id: string): readonly Control[] {
  const related = new Map<string, Control>();
  for (const topic of topicsOf(frameworks, id)) {
    for (const control of topic.controls) if (control.id !== id) related.set(control.id, control);
  }
  return [...related.values()];
}

/** The chain of enclosing controls, nearest first (the loader guarantees parents precede children, so no cycles). */
export function ancestorsOf(frameworks: Frameworks, id: string): readonly Control[] {
  const chain: Control[] = [];
  let control = findControl(frameworks, id);
  while (control?.parent) {
    control = findControl(frameworks, control.parent);
    if (control) chain.push(control);
  }
  return chain;
}

/** Typical co-managed owner: the control's own, else the nearest enclosing control's; null if none says. */
export function typicalOwner(frameworks: Frameworks, id: string): OwnerRole | null {
  const control = findControl(frameworks, id);
  if (!control) return null;
  return control.owner ?? ancestorsOf(frameworks, id).find((ancestor) => ancestor.owner !== null)?.owner ?? null;
}
