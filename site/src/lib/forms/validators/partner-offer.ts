import { partnerOfferSchema } from '../../../../../shared/partner-offer.ts';
import { validatorFor } from '../validator.ts';

export const validate = validatorFor(partnerOfferSchema);
