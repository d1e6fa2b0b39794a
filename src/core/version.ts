/** The tool's name and version as reports name them (kept in step with package.json by a test). */
export const TOOL_NAME = "hoso-cbcc";
export const TOOL_VERSION = "0.1.0";
