/**
 * The planners' toolkit in the sidebar: measuring by drawing, loading one's own data, and
 * land-use statistics with their exports. Folded by default so explorers and visitors are not
 * handed a toolbox they did not ask for; opening it is remembered for the visit.
 */
import { signal } from '@preact/signals';
import { ImportSection } from './ImportSection.tsx';
import { MeasureSection } from './MeasureSection.tsx';
import { StatisticsSection } from './StatisticsSection.tsx';
import { importMessages } from './import-messages.ts';
import './planner.css';

export const plannerOpen = signal(false);

export function PlannerPanel() {
  const text = importMessages();
  return (
    <section class="panel planner-panel" aria-labelledby="planner-heading">
      <details
        open={plannerOpen.value}
        onToggle={(event) => {
          plannerOpen.value = (event.currentTarget as HTMLDetailsElement).open;
        }}
      >
        <summary>
          <h2 id="planner-heading">{text.panelHeading}</h2>
        </summary>
        <p class="small muted">{text.panelIntro}</p>
        <MeasureSection />
        <ImportSection />
        <StatisticsSection />
      </details>
    </section>
  );
}
