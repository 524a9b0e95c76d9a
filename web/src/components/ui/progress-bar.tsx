/** A labelled progress bar (role=progressbar) that screen readers and tests can read. */
export function ProgressBar({
  label,
  value,
  valueText,
  tone = "crust",
  className = "",
}: {
  label: string;
  value: number;
  valueText?: string;
  tone?: "crust" | "basil" | "stone";
  className?: string;
}) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  const fill = { crust: "bg-crust-500", basil: "bg-basil-600", stone: "bg-stone-300" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className={`h-2 overflow-hidden rounded-full bg-stone-200/80 ${className}`}
    >
      <div
        className={`h-full rounded-full transition-[width] duration-700 ease-linear ${fill}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
