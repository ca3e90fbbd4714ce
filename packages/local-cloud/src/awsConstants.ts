/** The region every local resource lives in, whatever the stack names. */
export const REGION = 'us-east-1';

export const ACCOUNT_ID = '000000000000';

export const PARTITION = 'aws';

/** Credentials for clients of the stand-ins, which accept any. */
export const FAKE_CREDENTIALS = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};
