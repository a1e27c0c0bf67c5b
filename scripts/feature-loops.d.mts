// Types of scripts/feature-loops.mjs, for its test.
export type FeatureGraph = Map<string, Map<string, { file: string; imports: string }>>;
export function featureGraph(files: Array<{ path: string; source: string }>): FeatureGraph;
export function findFeatureLoops(graph: FeatureGraph): string[][];
export function describeLoops(loops: string[][], graph: FeatureGraph): string;
export function checkFeatureLoops(root: string): { graph: FeatureGraph; loops: string[][] };
