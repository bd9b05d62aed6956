/**
 * The planners' toolkit: measuring by drawing, loading one's own data, and land-use statistics
 * with their exports. It has its own tab (量算与数据, src/ui/layout/AppTabs.tsx), so explorers and
 * visitors are not handed a toolbox they did not ask for; `plannerOpen` is that tab being shown
 * (a file dropped on the map sets it).
 */
import { signal } from '@preact/signals';
import { ImportSection } from './ImportSection.tsx';
import { MeasureSection } from './MeasureSection.tsx';
import { StatisticsSection } from './StatisticsSection.tsx';
import { DatasetSection } from './DatasetSection.tsx';
import { importMessages } from './import-messages.ts';
import './planner.css';

export const plannerOpen = signal(false);

export function PlannerPanel() {
  const text = importMessages();
  return (
    <section class="panel planner-panel" aria-labelledby="planner-heading">
      <h2 id="planner-heading">{text.panelHeading}</h2>
      <p class="small muted">{text.panelIntro}</p>
      <MeasureSection />
      <ImportSection />
      <StatisticsSection />
      <DatasetSection />
    </section>
  );
}
