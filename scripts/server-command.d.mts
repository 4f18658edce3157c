export declare const DEFAULT_HEAP_MB: number;
export declare function serverCommand(env?: NodeJS.ProcessEnv): { command: string; args: string[] };
