// The stack program. Config is validated completely before the first resource is registered.
import { loadStackConfig } from "./config/load";
import { defineStack } from "./components/stack";

export = async () => defineStack(loadStackConfig());
