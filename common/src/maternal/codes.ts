/** Pregnancy and delivery: the code lists of the mother-and-child programme. */
export const PREGNANCY_STATUSES = ['ongoing', 'delivered', 'ended'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

/** How a pregnancy ended: a birth (live or still), or a loss before it. */
export const PREGNANCY_OUTCOMES = ['live_birth', 'stillbirth', 'miscarriage', 'abortion'] as const;
export type PregnancyOutcome = (typeof PREGNANCY_OUTCOMES)[number];

export const DELIVERY_PLACES = ['hospital', 'health_centre', 'health_station', 'private_clinic', 'home', 'on_the_way', 'other'] as const;
export type DeliveryPlace = (typeof DELIVERY_PLACES)[number];

/**
 * Who attended the birth. Doctors, assistant doctors (y sĩ sản nhi), midwives and nurses are
 * health workers trained to attend births (WHO's skilled birth attendant); a village midwife
 * (cô đỡ thôn bản), a relative or nobody are not counted as such.
 */
export const BIRTH_ATTENDANTS = ['doctor', 'assistant_doctor', 'midwife', 'nurse', 'village_midwife', 'relative', 'none'] as const;
export type BirthAttendant = (typeof BIRTH_ATTENDANTS)[number];
export const SKILLED_ATTENDANTS: readonly BirthAttendant[] = ['doctor', 'assistant_doctor', 'midwife', 'nurse'];

/** Risk factors noted at registration (the antenatal card's list, kept short and coded). */
export const PREGNANCY_RISKS = ['under_18', 'over_35', 'grand_multipara', 'previous_caesarean', 'previous_loss', 'hypertension', 'diabetes', 'anaemia', 'multiple', 'other'] as const;
export type PregnancyRisk = (typeof PREGNANCY_RISKS)[number];

/** Where an ongoing pregnancy's antenatal care stands: a past trimester without its visits, the present one still asking, or on track. */
export const ANC_STANDINGS = ['missed', 'due', 'on_track'] as const;
export type AncStanding = (typeof ANC_STANDINGS)[number];
