import { Duration } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  CfnManagedLoginBranding,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  type BackOfficeConfig,
  backOfficePath,
  signInCallbackPath,
  staffScopes,
  staffTokenLifetimes as tokenLifetimes,
} from '../../shared/staff.ts';

export interface BackOfficeClientProps {
  readonly userPool: IUserPool;
  /** The site's public address, without trailing slash (the CloudFront distribution's). */
  readonly siteUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` (staff-users.ts). */
  readonly signInDomainUrl: string;
}

/**
 * The back office's app client in the staff user pool, its managed-login branding, and the HTTP
 * API's JWT authorizer that trusts the tokens it gets. A public client (the back office is a script
 * in the browser): authorization code flow, no secret, PKCE on the client's side (Cognito does not
 * enforce it for public clients; the back office always sends S256, and the local issuer requires it).
 */
export class BackOfficeClient extends Construct {
  readonly client: UserPoolClient;
  readonly authorizer: HttpJwtAuthorizer;
  /** What the site's bucket holds at shared/staff.ts `backOfficeConfigPath`. */
  readonly config: BackOfficeConfig;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: `iss` of the tokens. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: BackOfficeClientProps) {
    super(scope, id);

    const scopes = { openid: OAuthScope.OPENID, email: OAuthScope.EMAIL, profile: OAuthScope.PROFILE };
    this.client = new UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: 'alize-back-office',
      generateSecret: false,
      // Choice-based sign-in (USER_AUTH), which managed login uses for the mailed code; refresh comes with it.
      authFlows: { user: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: staffScopes.map((scope) => scopes[scope]),
        callbackUrls: [`${props.siteUrl}${signInCallbackPath}`],
        logoutUrls: [`${props.siteUrl}${backOfficePath}`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // Same answer for an unknown user name as for a known one.
      preventUserExistenceErrors: true,
      // Short-lived tokens, as the local issuer's: an hour, and a working day to refresh.
      accessTokenValidity: Duration.seconds(tokenLifetimes.accessSeconds),
      idTokenValidity: Duration.seconds(tokenLifetimes.idSeconds),
      refreshTokenValidity: Duration.seconds(tokenLifetimes.refreshSeconds),
      authSessionValidity: Duration.minutes(10),
      enableTokenRevocation: true,
    });

    // The newer managed login needs a style per client: Cognito's own look, in the language the back office asks for (lang=fr).
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.issuer = `https://cognito-idp.${props.userPool.stack.region}.amazonaws.com/${props.userPool.userPoolId}`;
    // What API Gateway checks before any staff route's function runs: signature, iss, aud/client_id, expiry.
    this.authorizer = new HttpJwtAuthorizer('StaffAuthorizer', this.issuer, {
      authorizerName: 'staff',
      jwtAudience: [this.client.userPoolClientId],
    });

    this.config = {
      issuer: this.issuer,
      clientId: this.client.userPoolClientId,
      logoutUrl: `${props.signInDomainUrl}/logout`,
    };
  }
}
