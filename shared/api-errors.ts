/**
 * The body of every error the API answers, so the site (and a person reading it) always finds
 * a French `message`, and `errors` lists field-level problems when the input was at fault.
 */
export interface ApiError {
  error: string;
  message: string;
  errors?: { field: string; message: string }[];
}
