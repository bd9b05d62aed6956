/**
 * "Use as a dataset layer…" for the shapes drawn in the measure tab (issue 11 §1): the drawn
 * polygons named by their names in the list, and the unnamed ones by one name typed here (numbered
 * when more than one needs it; src/data/drawn-shapes-layer.ts), inside the shared form
 * (ReplaceLayerForm.tsx), with the same source, confidence and checks as a file.
 */
import { useState } from 'preact/hooks';
import {
  DRAWN_SHAPE_COLUMNS,
  DRAWN_SHAPES_FILE_NAME,
  DRAWN_SHAPES_ORIGIN,
  drawnShapesCollection,
} from '../../data/drawn-shapes-layer.ts';
import { language } from '../../i18n/index.ts';
import type { DrawnShape } from '../../state/drawn-shapes-store.ts';
import { drawnReplaceMessages } from './drawn-replace-messages.ts';
import { ReplaceLayerForm } from './ReplaceLayerForm.tsx';

export function DrawnShapesReplaceForm({ shapes }: { shapes: readonly DrawnShape[] }) {
  const text = drawnReplaceMessages[language.value];
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const naming = { nameZh, nameEn };
  const drawn = drawnShapesCollection(shapes, naming);
  const count = drawn.collection.features.length;
  if (count === 0) return null;

  const fields = () => (
    <>
      <p class="small">
        {text.polygons(count)} {drawn.linesLeftOut > 0 ? text.linesLeftOut(drawn.linesLeftOut) : null}
      </p>
      {drawn.unnamed === 0 ? (
        <p class="small muted">{text.allNamed}</p>
      ) : (
        <>
          <label class="replace-layer__field">
            <span>{text.unnamedNameZh(drawn.unnamed)}</span>
            <input
              name="unnamed_name_zh"
              type="text"
              required
              maxLength={200}
              value={nameZh}
              onInput={(event) => setNameZh(event.currentTarget.value)}
            />
          </label>
          <label class="replace-layer__field">
            <span>{text.unnamedNameEn}</span>
            <input
              name="unnamed_name_en"
              type="text"
              maxLength={200}
              value={nameEn}
              onInput={(event) => setNameEn(event.currentTarget.value)}
            />
          </label>
          {drawn.unnamed > 1 && nameZh.trim() ? (
            <p class="small muted">{text.numbered(nameZh.trim(), drawn.unnamed)}</p>
          ) : null}
        </>
      )}
    </>
  );

  return (
    <ReplaceLayerForm
      formKey="drawn-shapes"
      fileName={DRAWN_SHAPES_FILE_NAME}
      origin={DRAWN_SHAPES_ORIGIN}
      intro={text.intro}
      // A quick sketch is no survey: it stays drawn and labelled as schematic unless the planner says otherwise.
      defaultConfidence="schematic"
      fields={fields}
      features={(target) =>
        Promise.resolve({
          collection: drawn.collection,
          mapping: { ...DRAWN_SHAPE_COLUMNS, kindValue: target.kindValue },
        })
      }
    />
  );
}
