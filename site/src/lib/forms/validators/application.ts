import { applicationSchema } from '../../../../../shared/application.ts';
import { validatorFor } from '../validator.ts';

export const validate = validatorFor(applicationSchema);
