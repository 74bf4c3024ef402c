import { Aws, CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPool,
  CfnUserPoolGroup,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  UserPool,
  UserPoolDomain,
  UserPoolEmail,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ofName } from '../../shared/french.ts';
import { senderAddress } from '../../shared/networks.ts';
import { nationalGroup, signInCodeMail } from '../../shared/staff.ts';

export interface StaffUsersProps {
  readonly stage: string;
  readonly networks: readonly { readonly id: string; readonly name: string }[];
  /** The SES-verified domain: the sign-in codes are sent from the national coordination's address on it. */
  readonly senderDomain: string;
  readonly configurationSet: ConfigurationSet;
}

/**
 * The prefix of the user pool's Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`), which
 * must be unique in the region across all of AWS: the stage and the account make it so. Computed
 * the same way by both stacks, so the app stack names the domain without a cross-stack export.
 */
export const signInDomainPrefix = (stage: string) => Fn.join('-', ['alize', stage, Aws.ACCOUNT_ID]);

/** `https://<prefix>.auth.<region>.amazoncognito.com`, where managed login and `/logout` are served. */
export const signInDomainUrl = (stage: string, region: string) =>
  `https://${signInDomainPrefix(stage)}.auth.${region}.amazoncognito.com`;

/**
 * Who may use the back office: a Cognito user pool for staff only. Accounts are created by an
 * administrator (no self sign-up), the user name is the person's e-mail address, and each signs in
 * with a one-time code mailed to that address through the project's SES domain, on Cognito's
 * managed login. One group per network, plus `national` (shared/staff.ts). The pool holds people's
 * accounts and memberships: it lives in the data stack, retained and deletion-protected like the tables.
 */
export class StaffUsers extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly groups: Readonly<Record<string, CfnUserPoolGroup>>;

  constructor(scope: Construct, id: string, props: StaffUsersProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    this.userPool = new UserPool(this, 'UserPool', {
      // Staff only: an administrator creates each account (README, « Deploy »).
      selfSignUpEnabled: false,
      // The user name is the e-mail address itself (not an alias): it is what the functions show as the actor.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      keepOriginal: { email: true },
      // Essentials: the plan with passwordless sign-in (choice-based authentication) and the newer managed login.
      featurePlan: FeaturePlan.ESSENTIALS,
      // A one-time code by e-mail as first factor. Cognito requires PASSWORD to stay in the list (CDK refuses
      // `password: false`); accounts are created without a password, so they can only use the code.
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: true } },
      // Only for an account someone gave a password against the README's advice: long, every character class.
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Passwordless sign-in and required MFA do not go together in Cognito; the mailed code is the possession factor.
      mfa: Mfa.OFF,
      // Nothing to recover: no password; a lost mailbox is a matter for the national coordination.
      accountRecovery: AccountRecovery.NONE,
      // Cognito's messages go through SES from the project's domain, in French; email OTP needs SES (DEVELOPER).
      email: UserPoolEmail.withSES({
        fromEmail: senderAddress(props.senderDomain, undefined),
        fromName: 'Alizé',
        sesVerifiedDomain: props.senderDomain,
        sesRegion: region,
        configurationSetName: props.configurationSet.configurationSetName,
      }),
      // Sent if an address is changed: it must be confirmed before it replaces the old one (keepOriginal).
      userVerification: {
        emailSubject: 'Confirmez votre nouvelle adresse pour l’espace équipe Alizé',
        emailBody:
          '<p>Bonjour,</p><p>Voici le code qui confirme votre nouvelle adresse pour l’espace équipe Alizé&nbsp;: <strong>{####}</strong></p>',
        emailStyle: VerificationEmailStyle.CODE,
        smsMessage: 'Votre code Alizé\u00a0: {####}',
      },
      userInvitation: {
        emailSubject: 'Votre accès à l’espace équipe Alizé',
        emailBody:
          '<p>Bonjour,</p><p>Un compte de l’espace équipe Alizé vient d’être créé pour vous. Votre identifiant est votre adresse électronique&nbsp;: {username}</p><p>Pour vous connecter, ouvrez l’espace équipe depuis le site Alizé et saisissez cette adresse&nbsp;: un code de connexion vous sera envoyé par courriel à chaque connexion. Aucun mot de passe n’est nécessaire.</p>',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The mail bringing the one-time code (email OTP and email MFA share it): the text the local issuer sends too.
    const cfnPool = this.userPool.node.defaultChild as CfnUserPool;
    cfnPool.emailAuthenticationSubject = signInCodeMail.subject;
    cfnPool.emailAuthenticationMessage = signInCodeMail.html;

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Sign-in is passwordless: a one-time code mailed at each sign-in (EMAIL_OTP first factor), which Cognito does not combine with required MFA; accounts are created without a password, so no password-only sign-in exists.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials plan: it carries passwordless sign-in and managed login; Plus (threat protection) costs several times more per active user for a few dozen admin-created staff accounts behind a mailed code.',
      },
    );

    // One group per network id, plus the national coordination: the `cognito:groups` the functions read.
    const groups: Record<string, CfnUserPoolGroup> = {};
    const described = [
      ...props.networks.map((network) => ({
        groupName: network.id,
        description: `Équipe ${ofName(network.name)}`,
      })),
      { groupName: nationalGroup, description: 'Coordination nationale\u00a0: lit tous les réseaux' },
    ];
    for (const { groupName, description } of described) {
      groups[groupName] = new CfnUserPoolGroup(this, `Group${groupName}`, {
        userPoolId: this.userPool.userPoolId,
        groupName,
        description,
      });
    }
    this.groups = groups;

    // The Cognito domain that serves managed login (version 2, the newer one) and the OAuth endpoints.
    this.domain = new UserPoolDomain(this, 'Domain', {
      userPool: this.userPool,
      cognitoDomain: { domainPrefix: signInDomainPrefix(props.stage) },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    // For the administrator's `aws cognito-idp admin-create-user --user-pool-id …` (README, « Deploy »).
    new CfnOutput(Stack.of(this), 'StaffUserPoolId', { value: this.userPool.userPoolId });
  }
}
