import { messages } from '../i18n/index.ts';

/** Why the map is empty, in words: shown instead of a blank page when the data cannot be loaded. */
export function DataErrorAlert({ problems }: { problems: string[] }) {
  const text = messages.value;
  return (
    <div class="data-error" role="alert">
      <h2>{text.errors.heading}</h2>
      <p>{text.errors.dataProblems}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
