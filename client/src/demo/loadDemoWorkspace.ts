import type { WorkspaceInput } from '@boussole/shared';
import workspaceJson from '../../../shared/data/val-d-arviere/workspace.json?raw';
import { createReport, createWorkspace, createWorkspaceBoard } from '../api/api.js';
import { collabServerUrl } from '../collab/collabSession.js';
import { loadDemo } from './loadDemo.js';

interface DemoWorkspaceFile {
  name: string;
  kind: WorkspaceInput['kind'];
  period: { start: string; end: string };
  communes: { code: string; name: string }[];
  themes: string[];
  publics: string[];
}

/** The Val d'Arvière ABS as a workspace: its communes, topics and publics, then its boards. */
export function demoWorkspaceInput(json: string): WorkspaceInput {
  const file = JSON.parse(json) as DemoWorkspaceFile;
  return {
    name: file.name,
    kind: file.kind,
    periodStart: file.period.start,
    periodEnd: file.period.end,
    communes: file.communes.map((c) => ({ inseeCode: c.code, name: c.name })),
    topics: file.themes,
    publics: file.publics,
  };
}

export async function loadDemoWorkspace(): Promise<string> {
  const { id } = await createWorkspace(demoWorkspaceInput(workspaceJson));
  await loadDemo({
    createBoard: (input) => createWorkspaceBoard(id, input),
    serverUrl: collabServerUrl(),
  });
  // And its report, started from the ABS outline, ready for the préconisations.
  await createReport(id);
  return id;
}
