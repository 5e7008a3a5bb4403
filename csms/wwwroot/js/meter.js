// Reads power and energy out of OCPP 1.6 MeterValue lists (§7.31 SampledValue: measurand, unit, value as text).

const ENERGY = 'Energy.Active.Import.Register';
const POWER = 'Power.Active.Import';

function scaled(sample) {
  const value = Number(sample.value);
  if (!Number.isFinite(value)) return null;
  // kW and kWh are the only other units 1.6 allows for these measurands.
  return sample.unit === 'kW' || sample.unit === 'kWh' ? value * 1000 : value;
}

function latest(meterValues, measurand) {
  let found = null;
  for (const meterValue of meterValues ?? []) {
    for (const sample of meterValue.sampledValue ?? []) {
      // A sample without measurand is an energy register reading (the 1.6 default).
      if ((sample.measurand ?? ENERGY) !== measurand || sample.phase) continue;
      const value = scaled(sample);
      if (value !== null) found = { value, at: meterValue.timestamp };
    }
  }
  return found;
}

/** The latest active import power in W, or null. */
export const powerW = meterValues => latest(meterValues, POWER)?.value ?? null;

/** The latest energy register in Wh, or null. */
export const energyWh = meterValues => latest(meterValues, ENERGY)?.value ?? null;
