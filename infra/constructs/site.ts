import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { edgeSecretHeader, forwardedApiHeaders, staffApiPathPrefix } from '../../shared/routes.ts';
import { backOfficeContentSecurityPolicy, contentSecurityPolicy } from '../../shared/security-headers.ts';
import { backOfficeConfigPath, backOfficePathPattern } from '../../shared/staff.ts';
import { retentionDays } from './log-retention.ts';

export interface SiteProps {
  /** The built site (Astro's output): uploaded as is. */
  readonly assetsDir: string;
  /** Origin of the `/api/*` behaviour, e.g. `https://abc123.execute-api.eu-west-3.amazonaws.com`. */
  readonly apiEndpoint: string;
  /** Sent to the API with every request (shared/routes.ts `edgeSecretHeader`). */
  readonly edgeSecret: string;
  readonly logRetentionDays: number;
  /** Custom domain; null serves the site on the CloudFront domain. */
  readonly siteDomain: string | null;
  /**
   * The origins the back office's script reaches besides the site (the issuer's, the sign-in
   * domain's): added to connect-src for the back office's pages only.
   */
  readonly backOfficeIssuerOrigins: readonly string[];
}

// Astro writes `page/index.html`: serve it for `/page/` and `/page` (S3 has no directory index).
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;

/**
 * The public site: its built files in a private bucket, served by CloudFront, which also forwards
 * `/api/*` to the HTTP API so the browser talks to a single origin (no CORS).
 */
export class Site extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly deployment: BucketDeployment;
  /** Public address of the site, without trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    if (props.siteDomain !== null) {
      throw new Error(
        `siteDomain is "${props.siteDomain}", but custom domains are not wired yet (they need an ACM certificate in us-east-1 and a DNS record): set it to null.`,
      );
    }

    // Private: only CloudFront reads it, through origin access control.
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only the public build of the site, written by the deployment and read only by CloudFront; the API, the only dynamic part, has its own access logs.',
    });

    // Same security headers on every answer, pages and API alike.
    // What reaches the API of a visitor's request: the rate limit keys on CloudFront-Viewer-Address,
    // since behind CloudFront the API's own source IP is an edge server's, shared by many visitors.
    const apiRequests = new OriginRequestPolicy(this, 'ApiRequests', {
      comment: 'Alizé: headers the API reads, and the visitor address',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...forwardedApiHeaders),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    const headersWith = (id: string, comment: string, policy: string) =>
      new ResponseHeadersPolicy(this, id, {
        comment,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: policy, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
          referrerPolicy: {
            referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
            override: true,
          },
          strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        },
      });
    const securityHeaders = headersWith('SecurityHeaders', 'Alizé: security headers', contentSecurityPolicy);
    // The back office's pages: the same headers, connect-src widened to the issuer and its sign-in domain.
    const backOfficeHeaders = headersWith(
      'BackOfficeSecurityHeaders',
      'Alizé: security headers of the back office (connect-src reaches the issuer)',
      backOfficeContentSecurityPolicy(props.backOfficeIssuerOrigins),
    );

    // CloudFront forwards `Authorization` only when the cache policy names it (an origin request policy
    // may not): the staff API's own policy keys on it, with nothing kept (no-store answers, 1 s at most).
    const staffApiCache = new CachePolicy(this, 'StaffApiCache', {
      comment: 'Alizé: staff API, Authorization forwarded, nothing cached',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
    });

    // The rest of the API keeps an answer only as long as its function says (`Cache-Control`): the
    // catalogue a minute (`public, max-age=60`), every other answer nothing (`no-store`, the API's
    // default, and a default TTL of 0 for an answer that would say nothing). Keyed on the query string
    // (`?network=indre`); an hour at most, whatever a function says.
    const publicApiCache = new CachePolicy(this, 'PublicApiCache', {
      comment: 'Alizé: public API, cached as each answer’s Cache-Control says',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // Viewer-request rewrite of directory URLs to their index.html.
    const indexRewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(INDEX_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves page/index.html for /page and /page/',
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const apiOrigin = new HttpOrigin(Fn.parseDomainName(props.apiEndpoint), {
      customHeaders: { [edgeSecretHeader]: props.edgeSecret },
    });
    const apiBehaviour = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      originRequestPolicy: apiRequests,
      responseHeadersPolicy: securityHeaders,
    };
    const siteBehaviour = {
      origin: siteOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
    };

    // The CDN in front of both the files and the API.
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Alizé: site and /api/*',
      defaultRootObject: 'index.html',
      // Visitors are in France: edge locations of Europe and North America are enough, and cheapest.
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: { ...siteBehaviour, responseHeadersPolicy: securityHeaders },
      // In this order: CloudFront takes the first pattern that matches.
      additionalBehaviors: {
        // The staff routes (shared/routes.ts): as the rest of the API, plus the bearer token.
        [`${staffApiPathPrefix}*`]: { ...apiBehaviour, cachePolicy: staffApiCache },
        // The public API: every method, the headers the handlers read plus the visitor's address
        // (shared/routes.ts; never Host: API Gateway routes on its own host name), cached only as the
        // function says; HTTPS only, since a redirect would drop a POST body.
        '/api/*': { ...apiBehaviour, cachePolicy: publicApiCache },
        // The back office's pages and config.json: the site's files, with the back office's CSP.
        [backOfficePathPattern]: { ...siteBehaviour, responseHeadersPolicy: backOfficeHeaders },
      },
      // Without s3:ListBucket, S3 answers 403 for a missing file: show the 404 page with a 404 status.
      // Only 403: error pages apply to every behaviour, and the API's own JSON 404s must reach the browser.
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/404.html' }],
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public site about French territories, open to anyone: no country needs blocking.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF for now (about 6 USD a month at least): the site is static, and the API is throttled at its stage and validates every input.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs: the pages are public and static, and every API request is logged by API Gateway.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate while siteDomain is null, which cannot set a minimum TLS version; a custom domain will bring TLSv1.2_2021.',
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}`;

    // Uploads the build and invalidates the CDN cache on every deployment.
    this.deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.assetsDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // Its own log group, so its logs expire like the others (instead of the deprecated logRetention).
      logGroup: new LogGroup(this, 'DeploymentLogs', { retention: retentionDays(props.logRetentionDays) }),
    });
    acknowledgeDeploymentProvider(this.deployment, this.bucket);
  }

  /**
   * Writes the back office's settings (its issuer, client and sign-out address, known only once
   * the user pool client exists) next to the build, at shared/staff.ts `backOfficeConfigPath`.
   */
  publishBackOfficeConfig(config: Record<string, string>) {
    this.deployment.addSource(Source.jsonData(backOfficeConfigPath.slice(1), config));
  }
}

/**
 * BucketDeployment's provider is a singleton Lambda function that aws-cdk-lib writes (runtime, role,
 * grants) and CloudFormation runs only while deploying: what it cannot change is acknowledged on it.
 */
const acknowledgeDeploymentProvider = (deployment: BucketDeployment, bucket: Bucket) => {
  const stack = Stack.of(deployment);
  const role = deployment.handlerRole;
  const provider = role.node.scope;
  if (!provider) throw new Error('BucketDeployment provider not found');
  const managed =
    'BucketDeployment provider, written by aws-cdk-lib and run by CloudFormation only while deploying';
  Validations.of(provider).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason: `${managed}: its Python runtime is chosen by aws-cdk-lib and moves with it.`,
    },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason: `${managed}: its Python runtime is chosen by aws-cdk-lib and moves with it.`,
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason: `${managed}: a failure fails and rolls back the deployment, which a dead-letter queue would not improve.`,
    },
    {
      id: 'Serverless-LambdaTracing',
      reason: `${managed}: tracing an S3 copy at deploy time would tell nothing the deployment events do not.`,
    },
  );
  const grants = `${managed}: its grants are aws-cdk-lib's`;
  Validations.of(role).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${managed}: its role carries the basic execution policy (write its own logs).`,
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${grants} (read the CDK asset bucket, write and prune the site bucket).`,
    })),
    {
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
      reason: `${grants}: it writes and prunes every object of the site bucket, which holds only the site.`,
    },
    {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`,
      reason: `${grants}: it reads the zipped site from the CDK bootstrap asset bucket.`,
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `${grants}: CloudFront invalidations (CreateInvalidation, GetInvalidation) are granted on every distribution.`,
    },
  );
};
