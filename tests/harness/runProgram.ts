// Moved to offline/ (shared with `npm run plan`); kept so test imports stay short.
export * from "../../offline/runProgram";
