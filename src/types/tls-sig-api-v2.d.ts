// tls-sig-api-v2 ships no types. Only what the app calls; generation only (the package cannot verify).
declare module 'tls-sig-api-v2' {
  export class Api {
    constructor(sdkAppId: number, sdkSecretKey: string);
    /** UserSig for `userId`, valid `expireSeconds` from now. */
    genUserSig(userId: string, expireSeconds: number): string;
    /** PrivateMapKey for a numeric room; `roomId` goes through 32-bit bit operations: validate the range first. */
    genPrivateMapKey(userId: string, expireSeconds: number, roomId: number, privilegeMap: number): string;
    /** PrivateMapKey for a string room; characters go through charCodeAt: ASCII only. */
    genPrivateMapKeyWithStringRoomID(userId: string, expireSeconds: number, roomId: string, privilegeMap: number): string;
  }
}
