import type { ReactNode } from 'react';
import { CATEGORY_CONFIG, DESCRIPTION_MAX, REQUEST_CATEGORIES } from '@linli/shared';
import { Chips } from '../../components/choice';
import { Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { PhotoPicker } from '../requests/photo-picker';
import type { FindingForm } from './use-finding-form';

interface Props {
  form: FindingForm;
  /** ids are `<idPrefix>-where`, `-spot`, `-what`, `-category`, `-description` */
  idPrefix: string;
  whereTitle: string;
  whatTitle: string;
  descriptionLabel: string;
  spotPlaceholder: string;
  /** above the spot: how the place is chosen (a compound's name, or chips) */
  where?: ReactNode;
  /** below the photos (the patrol's 紧急 toggle) */
  children?: ReactNode;
}

/** The fields of a problem found on the spot, for the patrol form and the working group's form. */
export function FindingFields({ form: f, idPrefix, whereTitle, whatTitle, descriptionLabel, spotPlaceholder, where, children }: Props) {
  return (
    <>
      <Section id={`${idPrefix}-where`} title={whereTitle}>
        {where}
        <TextField id={`${idPrefix}-spot`} label="具体位置" placeholder={spotPlaceholder} value={f.spot} onChange={f.setSpot} limit={40} />
      </Section>
      <Section id={`${idPrefix}-what`} title={whatTitle}>
        <Chips
          idPrefix={`${idPrefix}-category`}
          value={f.category}
          onChange={f.setCategory}
          options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_CONFIG[c].label }))}
        />
        <TextField
          id={`${idPrefix}-description`}
          label={descriptionLabel}
          value={f.description}
          onChange={f.setDescription}
          limit={DESCRIPTION_MAX}
          multiline
        />
        <PhotoPicker photos={f.photos} onChange={f.setPhotos} />
        {children}
      </Section>
    </>
  );
}
