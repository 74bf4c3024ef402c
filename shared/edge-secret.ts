/**
 * CloudFront adds this header, holding a per-deployment secret, to every request it sends to the API.
 * Only with it is `cloudfront-viewer-address` believed: a caller who reaches API Gateway directly
 * could otherwise name any address and dodge the form rate limit.
 */
export const edgeSecretHeader = 'x-alize-edge';
