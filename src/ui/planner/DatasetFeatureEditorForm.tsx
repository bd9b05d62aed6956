/**
 * The properties form of the in-place feature editor: the dataset contract's fields (names, kind,
 * source, confidence, stated area and unit). A field reports its value when it is committed (on
 * change, not each keystroke), so each committed value is one step of undo. Values are shown as
 * text in form fields only, never as markup.
 */
import { CONFIDENCE_LEVELS } from '../../data/dataset-types.ts';
import type { EditableProperties, EditablePropertyKey } from '../../data/dataset-edit-history.ts';
import { datasetMessages } from './dataset-messages.ts';
import type { DatasetEditMessages } from './dataset-edit-messages.ts';
import { AREA_UNITS } from './statistics-area-format.ts';
import { language } from '../../i18n/index.ts';

type TextKey = 'name_zh' | 'name_en' | 'kind' | 'source' | 'stated_area' | 'stated_area_source';

const STATED_SOURCE_LABEL = { zh: '面积数字的出处', en: 'Source of the stated figure' } as const;

export function DatasetFeatureEditorForm({
  properties,
  text,
  onChange,
}: {
  properties: Readonly<EditableProperties>;
  text: DatasetEditMessages;
  onChange: (key: EditablePropertyKey, value: string) => void;
}) {
  const confidenceLevels = datasetMessages[language.value].replace.confidenceLevels;
  const field = (key: TextKey, label: string, options: { required?: boolean; inputMode?: 'decimal' } = {}) => (
    <label class="dataset-edit__field">
      <span>{label}</span>
      <input
        name={key}
        type="text"
        value={properties[key]}
        required={options.required}
        inputMode={options.inputMode}
        onChange={(event) => onChange(key, event.currentTarget.value)}
      />
    </label>
  );
  return (
    <form class="dataset-edit__form" onSubmit={(event) => event.preventDefault()}>
      {field('name_zh', text.nameZh, { required: true })}
      {field('name_en', text.nameEn, { required: true })}
      {field('kind', text.kind, { required: true })}
      {field('source', text.source, { required: true })}
      <label class="dataset-edit__field">
        <span>{text.confidence}</span>
        <select
          name="confidence"
          value={properties.confidence}
          onChange={(event) => onChange('confidence', event.currentTarget.value)}
        >
          {CONFIDENCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {confidenceLevels[level]}
            </option>
          ))}
        </select>
      </label>
      {field('stated_area', text.statedAreaField, { inputMode: 'decimal' })}
      <label class="dataset-edit__field">
        <span>{text.unit}</span>
        <select
          name="stated_area_unit"
          value={properties.stated_area_unit}
          onChange={(event) => onChange('stated_area_unit', event.currentTarget.value)}
        >
          {AREA_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </label>
      {field('stated_area_source', STATED_SOURCE_LABEL[language.value], {
        required: properties.stated_area.trim() !== '',
      })}
    </form>
  );
}
