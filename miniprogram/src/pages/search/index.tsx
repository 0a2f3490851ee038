import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { CompoundSearch } from '../../features/places/compound-search';
import { showCompoundOnCard } from '../../services/app-state';

export default function SearchPage() {
  return (
    <PageShell>
      <Section title="查找小区">
        <CompoundSearch onPick={(hit) => showCompoundOnCard(hit._id)} />
      </Section>
    </PageShell>
  );
}
