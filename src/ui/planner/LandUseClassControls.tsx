/**
 * The class table's choices: which column holds the codes (the detected ones first, with their
 * standard and how many values they recognise), which standard reads them, the level, and whether
 * the map is coloured by class; then what was detected of the chosen column.
 */
import type { ColumnDetection } from '../../analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../../data/classification/classification-types.ts';
import { CLASSIFICATION_STANDARDS, standardById } from '../../data/classification/standards.ts';
import { language, messages } from '../../i18n/index.ts';
import { formatPercent } from '../format.ts';
import { landUseClassMessages } from './land-use-class-messages.ts';

function standardName(id: ClassificationStandardId): string {
  return standardById(id).title[language.value];
}

export interface LandUseClassChoices {
  field: string | null;
  standard: ClassificationStandardId | 'auto';
  level: 1 | 2;
  colourMap: boolean;
}

interface LandUseClassControlsProps {
  /** The columns detected as codes, best first. */
  columns: readonly ColumnDetection[];
  /** The layer's other properties, offered after the detected ones. */
  otherFields: readonly string[];
  /** What was detected of the chosen column, if it was. */
  fieldDetection: ColumnDetection | null;
  /** The standard the codes are read by: the chosen one, or the detected one for 'auto'. */
  standard: ClassificationStandardId | null;
  choices: LandUseClassChoices;
  onChange: (changed: Partial<LandUseClassChoices>) => void;
}

export function LandUseClassControls({
  columns,
  otherFields,
  fieldDetection,
  standard,
  choices,
  onChange,
}: LandUseClassControlsProps) {
  const text = landUseClassMessages();
  const tag = messages.value.languageTag;
  const lang = language.value;
  return (
    <>
      <div class="statistics-controls land-use-classes__controls">
        <label>
          <span>{text.columnLabel}</span>
          <select
            data-control="code-column"
            value={choices.field ?? ''}
            onChange={(event) => onChange({ field: (event.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{text.noColumn}</option>
            {columns.map((column) => (
              <option key={column.field} value={column.field}>
                {text.columnOption(
                  column.field,
                  standardName(column.standard!),
                  formatPercent(column.scores[0]!.recognisedShare, tag, 0),
                )}
              </option>
            ))}
            {otherFields.map((field) => (
              <option key={field} value={field}>
                {field}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{text.standardLabel}</span>
          <select
            data-control="standard"
            value={choices.standard}
            onChange={(event) =>
              onChange({
                standard: (event.currentTarget as HTMLSelectElement).value as ClassificationStandardId | 'auto',
              })
            }
          >
            <option value="auto">
              {fieldDetection?.standard
                ? text.standardAuto(standardName(fieldDetection.standard))
                : text.standardAutoNone}
            </option>
            {CLASSIFICATION_STANDARDS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{text.levelLabel}</span>
          <select
            data-control="level"
            value={String(choices.level)}
            onChange={(event) => onChange({ level: (event.currentTarget as HTMLSelectElement).value === '2' ? 2 : 1 })}
          >
            <option value="1">{text.levels[1]}</option>
            <option value="2">{text.levels[2]}</option>
          </select>
        </label>
        <label class="land-use-classes__toggle">
          <input
            type="checkbox"
            data-control="colour-map"
            checked={choices.colourMap}
            onChange={(event) => onChange({ colourMap: (event.currentTarget as HTMLInputElement).checked })}
          />
          <span>{text.colourMap}</span>
        </label>
      </div>
      {choices.field !== null && standard === null ? <p class="small muted">{text.pickStandard}</p> : null}
      {fieldDetection ? (
        <p class="small muted land-use-classes__detected">
          {text.detected(
            fieldDetection.field,
            fieldDetection.scores
              .map((score) => `${standardName(score.standard)} ${formatPercent(score.recognisedShare, tag, 1)}`)
              .join(lang === 'zh' ? '，' : ', '),
            fieldDetection.nameSuggests.length > 0
              ? text.nameHint(fieldDetection.nameSuggests.map(standardName).join(lang === 'zh' ? '、' : ', '))
              : '',
          )}
        </p>
      ) : null}
    </>
  );
}
