/** The parts of ltijs 5.9 that Pstage uses (@types/ltijs describes 4.x). */
declare module 'ltijs' {
  import type { Express, Request, Response, NextFunction } from 'express';

  export interface IdTokenContext {
    contextId: string;
    user: string;
    roles: string[];
    path: string;
    targetLinkUri: string;
    context?: { id: string; label?: string; title?: string; type?: string[] };
    resource?: { id: string; title?: string };
    custom?: Record<string, string>;
    launchPresentation?: { locale?: string; document_target?: string; return_url?: string };
    messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
    version: string;
    deepLinkingSettings?: Record<string, unknown>;
    lis?: { person_sourcedid?: string; course_section_sourcedid?: string };
    endpoint?: { scope?: string[]; lineitems?: string; lineitem?: string };
    namesRoles?: { context_memberships_url?: string; service_versions?: string[] };
  }

  export interface IdToken {
    iss: string;
    user: string;
    userInfo: { given_name?: string; family_name?: string; name?: string; email?: string };
    platformInfo?: Record<string, unknown>;
    clientId: string;
    platformId: string;
    deploymentId: string;
    platformContext: IdTokenContext;
  }

  export interface PlatformConfig {
    url: string;
    name: string;
    clientId: string;
    authenticationEndpoint: string;
    accesstokenEndpoint: string;
    authorizationServer?: string;
    authConfig: { method: 'JWK_SET' | 'JWK_KEY' | 'RSA_KEY'; key: string };
  }

  export interface Platform {
    platformUrl(): Promise<string>;
    platformClientId(): Promise<string>;
    platformName(): Promise<string>;
    platformKid(): Promise<string>;
    platformActive(active?: boolean): Promise<boolean>;
    platformAccessToken(scopes: string): Promise<{ access_token: string; token_type: string; expires_in?: number }>;
    platformAuthEndpoint(): Promise<string>;
    platformAccessTokenEndpoint(): Promise<string>;
    platformAuthConfig(): Promise<{ method: string; key: string }>;
    platformJSON(): Promise<Record<string, unknown>>;
    delete(): Promise<boolean>;
  }

  type Callback = (token: IdToken, req: Request, res: Response, next: NextFunction) => unknown;
  type ErrorCallback = (req: Request, res: Response, next: NextFunction) => unknown;

  export interface DatabasePlugin {
    setup(): Promise<boolean>;
    Close(): Promise<boolean>;
    Get(encryptionKey: string | false, collection: string, query?: Record<string, unknown>): Promise<Record<string, unknown>[] | false>;
    Insert(
      encryptionKey: string | false,
      collection: string,
      item: Record<string, unknown>,
      index?: Record<string, unknown>,
    ): Promise<boolean>;
    Replace(
      encryptionKey: string | false,
      collection: string,
      query: Record<string, unknown>,
      item: Record<string, unknown>,
      index?: Record<string, unknown>,
    ): Promise<boolean>;
    Modify(
      encryptionKey: string | false,
      collection: string,
      query: Record<string, unknown>,
      modification: Record<string, unknown>,
    ): Promise<boolean>;
    Delete(collection: string, query: Record<string, unknown>): Promise<boolean>;
  }

  export interface SetupOptions {
    appRoute?: string;
    loginRoute?: string;
    keysetRoute?: string;
    dynRegRoute?: string;
    cors?: boolean;
    devMode?: boolean;
    ltiaas?: boolean;
    tokenMaxAge?: number | false;
    cookies?: { secure?: boolean; sameSite?: 'None' | 'Lax' | 'Strict'; domain?: string };
    dynReg?: {
      url: string;
      name: string;
      logo?: string;
      description?: string;
      redirectUris?: string[];
      customParameters?: Record<string, string>;
      autoActivate?: boolean;
      useDeepLinking?: boolean;
    };
  }

  export interface ContentItem {
    type: 'ltiResourceLink';
    title: string;
    url?: string;
    text?: string;
    custom?: Record<string, string>;
  }

  export interface Provider {
    app: Express;
    Database: DatabasePlugin;
    setup(encryptionKey: string, database: { plugin: DatabasePlugin }, options?: SetupOptions): Provider;
    deploy(options?: { serverless?: boolean; silent?: boolean; port?: number }): Promise<boolean>;
    close(options?: { silent?: boolean }): Promise<boolean>;
    onConnect(callback: Callback): true;
    onDeepLinking(callback: Callback): true;
    onInvalidToken(callback: ErrorCallback): true;
    onSessionTimeout(callback: ErrorCallback): true;
    onUnregisteredPlatform(callback: ErrorCallback): true;
    onInactivePlatform(callback: ErrorCallback): true;
    registerPlatform(config: PlatformConfig): Promise<Platform>;
    getPlatform(url: string, clientId: string): Promise<Platform | false>;
    getPlatform(url: string): Promise<Platform[] | false>;
    getPlatformById(kid: string): Promise<Platform | false>;
    /** Updates the given fields of a stored platform (its status, keys and kid are kept). */
    updatePlatformById(kid: string, config: Partial<PlatformConfig>): Promise<Platform | false>;
    getAllPlatforms(): Promise<Platform[]>;
    deletePlatform(url: string, clientId: string): Promise<boolean>;
    DeepLinking: {
      createDeepLinkingForm(token: IdToken, items: ContentItem[], options?: { message?: string; log?: string }): Promise<string>;
      createDeepLinkingMessage(token: IdToken, items: ContentItem[], options?: { message?: string }): Promise<string>;
    };
    /** Assignment and Grade Services; `token` needs iss, clientId and platformContext.endpoint (see src/lti/serviceIdToken.ts). */
    Grade: {
      getLineItems(
        token: ServiceToken,
        options?: { label?: string; tag?: string; resourceId?: string; limit?: number; id?: string; url?: string },
      ): Promise<{ lineItems: LineItem[]; next?: string }>;
      createLineItem(token: ServiceToken, lineItem: Omit<LineItem, 'id'>): Promise<LineItem>;
      getLineItemById(token: ServiceToken, lineItemId: string): Promise<LineItem>;
      submitScore(token: ServiceToken, lineItemId: string, score: Score): Promise<Score>;
      getScores(token: ServiceToken, lineItemId: string, options?: { userId?: string; limit?: number; url?: string }): Promise<unknown>;
    };
    /** Names and Role Provisioning Services; `token` needs iss, clientId and platformContext.namesRoles. */
    NamesAndRoles: {
      getMembers(
        token: ServiceToken,
        options?: { role?: string; limit?: number; pages?: number; url?: string; resourceLinkId?: boolean },
      ): Promise<MembershipContainer>;
    };
  }

  /** What ltijs's services read from an id token. */
  export interface ServiceToken {
    iss: string;
    clientId: string;
    deploymentId?: string;
    platformContext: {
      endpoint?: { lineitems?: string; lineitem?: string; scope?: string[] };
      namesRoles?: { context_memberships_url: string; service_versions?: string[] };
      resource?: { id: string };
    };
  }

  export interface LineItem {
    id: string;
    scoreMaximum: number;
    label: string;
    resourceId?: string;
    resourceLinkId?: string;
    tag?: string;
    startDateTime?: string;
    endDateTime?: string;
  }

  export interface Score {
    userId: string;
    scoreGiven?: number;
    scoreMaximum?: number;
    comment?: string;
    timestamp?: string;
    activityProgress: 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
    gradingProgress: 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';
  }

  export interface Member {
    user_id: string;
    roles: string[];
    status?: 'Active' | 'Inactive' | 'Deleted';
    name?: string;
    given_name?: string;
    family_name?: string;
    email?: string;
    lis_person_sourcedid?: string;
    picture?: string;
  }

  export interface MembershipContainer {
    id: string;
    context: { id: string; label?: string; title?: string };
    members: Member[];
    next?: string;
  }

  export const Provider: Provider;
}

/**
 * ltijs's internal token checks and key-pair generator, parts of which Pstage replaces
 * (src/lti/toolKeyPairs.ts, src/lti/ltijsPlatformCalls.ts).
 */
declare module 'ltijs/dist/Utils/Auth' {
  import type { KeyObject } from 'node:crypto';
  import type { DatabasePlugin, Platform } from 'ltijs';

  interface ValidationParameters {
    iss?: string;
    maxAge?: number;
    alg?: string;
  }
  type GetPlatform = (
    iss: string,
    clientId: string,
    encryptionKey: string,
    database: DatabasePlugin,
  ) => Promise<Platform | false | undefined>;

  const Auth: {
    generatePlatformKeyPair(encryptionKey: string, database: DatabasePlugin, platformUrl: string, clientId: string): Promise<string>;
    /** Checks a launch's id_token: fetches the platform's keyset for its key, then `verifyToken`. */
    validateToken(
      token: string,
      devMode: boolean,
      validationParameters: ValidationParameters,
      getPlatform: GetPlatform,
      encryptionKey: string,
      database: DatabasePlugin,
    ): Promise<Record<string, unknown>>;
    /** Signature, audience, algorithm, age, nonce and LTI claims, with the key given. */
    verifyToken(
      token: string,
      key: KeyObject | string,
      validationParameters: ValidationParameters,
      platform: Platform,
      database: DatabasePlugin,
    ): Promise<Record<string, unknown>>;
  };
  export = Auth;
}

/** The `got` instance ltijs calls platforms with (keysets, access tokens, NRPS). */
declare module 'ltijs/dist/Utils/Http' {
  type GotCall = (url: string, options?: Record<string, unknown>) => unknown;
  const http: { get: GotCall; post: GotCall };
  export = http;
}
