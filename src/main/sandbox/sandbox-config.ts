import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The standalone sandbox's config file: who may call it and which applications exist. */
export const sandboxConfigSchema = z
  .object({
    credentials: z
      .array(z.object({ secretId: z.string().min(1).max(128), secretKey: z.string().min(1).max(256) }).strict())
      .min(1)
      .max(100),
    apps: z
      .array(
        z
          .object({
            sdkAppId: z
              .number()
              .int()
              .min(1)
              .max(2 ** 32 - 1),
            sdkSecretKey: z.string().min(1).max(256),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    defaultMediaSeconds: z.number().positive().max(10_000_000).optional(),
    maxConcurrentTasksPerApp: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

export async function readSandboxConfig(path: string): Promise<SandboxConfig> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON`);
  }
  const parsed = sandboxConfigSchema.safeParse(json);
  // Only the shape is reported: the file holds secrets.
  if (!parsed.success)
    throw new Error(
      `${path} is not a sandbox config: ${parsed.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ')}`,
    );
  return parsed.data;
}
