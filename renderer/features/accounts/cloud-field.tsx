// The "Cloud" choice of the sign-in form and the service-principal dialog: every cloud the app knows, by name.
import { Field, Select } from '@fluentui/react-components';
import { useAccountsStore } from '../../stores/accounts-store';

export function CloudField({
  value,
  onChange,
  required = false,
  className,
}: {
  value: string;
  onChange: (cloudId: string) => void;
  required?: boolean;
  className?: string;
}) {
  const clouds = useAccountsStore((state) => state.clouds);
  return (
    <Field label="Cloud" required={required} {...(className ? { className } : {})}>
      <Select value={value} onChange={(_event, data) => onChange(data.value)}>
        {clouds.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
