/**
 * The class table's exports: CSV and an Excel workbook, each naming the standard, its edition,
 * the code column and the level, so a file read months later still says what it counted.
 */
import { useState } from 'preact/hooks';
import type { LandUseClassStatistics } from '../../analysis/land-use-classes.ts';
import { standardById } from '../../data/classification/standards.ts';
import { landUseClassesCsvBlob } from '../../export/csv.ts';
import { safeFileName, withoutExtension } from '../../export/file-name.ts';
import { landUseClassSheet } from '../../export/statistics-sheet.ts';
import { language } from '../../i18n/index.ts';
import { download } from './download.ts';
import { reasonOf } from './error-reason.ts';
import { landUseClassMessages } from './land-use-class-messages.ts';

export function LandUseClassExports({
  statistics,
  fileName,
}: {
  statistics: LandUseClassStatistics;
  fileName: string;
}) {
  const text = landUseClassMessages();
  const lang = language.value;
  const [failure, setFailure] = useState<string | null>(null);
  const options = () => {
    const standard = standardById(statistics.standard);
    return {
      language: lang,
      sourceTitle: fileName,
      standardTitle: standard.title[lang],
      edition: standard.edition,
      exportedAt: new Date().toISOString(),
    };
  };
  const fileNameFor = (extension: string) =>
    safeFileName(
      [text.fileStem, withoutExtension(fileName), statistics.field, `level-${statistics.level}`],
      extension,
      'land-use-classes',
    );
  const exportCsv = (): void => {
    setFailure(null);
    try {
      download(landUseClassesCsvBlob(statistics, options()), fileNameFor('csv'));
    } catch (error) {
      setFailure(text.exportFailed(reasonOf(error)));
    }
  };
  const exportXlsx = async (): Promise<void> => {
    setFailure(null);
    try {
      const { sheetToXlsx } = await import('../../export/xlsx.ts');
      download(await sheetToXlsx(landUseClassSheet(statistics, options())), fileNameFor('xlsx'));
    } catch (error) {
      setFailure(text.exportFailed(reasonOf(error)));
    }
  };
  return (
    <p class="statistics-export__buttons">
      <button type="button" class="text-button" data-export="class-csv" onClick={exportCsv}>
        {text.exportCsv}
      </button>
      <button type="button" class="text-button" data-export="class-xlsx" onClick={() => void exportXlsx()}>
        {text.exportXlsx}
      </button>
      {failure ? (
        <span class="data-error" role="alert">
          {failure}
        </span>
      ) : null}
    </p>
  );
}
