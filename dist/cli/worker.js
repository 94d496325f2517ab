import { createRequire as __keyhoundCreateRequire } from 'node:module'; const require = __keyhoundCreateRequire(import.meta.url);
import {
  Engine,
  runTask
} from "./chunks/chunk-BVCGXLRQ.js";
import "./chunks/chunk-73DR3WZP.js";

// src/scan/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var engine = new Engine(setup.rules, setup.options);
parentPort.on("message", async (message) => {
  const outcome = await runTask(engine, message.task);
  parentPort.postMessage({ id: message.id, outcome });
});
