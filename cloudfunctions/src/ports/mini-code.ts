/**
 * Mini-program codes (小程序码). Production: wxacode.getUnlimited by cloud call, a code that opens
 * `page` with `scene` in its query, for as many places as there are. Locally there is no
 * mini-program to open: `unlimited` answers null and the app prints a QR code of the H5 link.
 */
export interface MiniCodeImage {
  contentType: string;
  bytes: Uint8Array;
}

/** WeChat refused or could not be reached; `wxErrCode` is its errcode when it answered one. */
export class MiniCodeError extends Error {
  constructor(
    readonly wxErrCode: number | null,
    message: string,
  ) {
    super(message);
  }
}

export interface MiniCode {
  /** The code's image; throws MiniCodeError when WeChat made none. Null where no mini-program exists. */
  unlimited(input: { scene: string; page: string }): Promise<MiniCodeImage | null>;
}
