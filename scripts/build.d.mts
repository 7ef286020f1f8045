export declare const ROOT: string;
export declare const DIST: string;
export declare function isStale(): boolean;
export declare function build(): Promise<void>;
export declare function ensureBuilt(): Promise<void>;
