/** Worker thread of sii-parallel.ts: one batch of SIIs, posted back with its arrays transferred. */
import { parentPort, workerData } from "node:worker_threads";
import {
  type InequalityGroupColumns,
  type SlopeIndexOptions,
  slopeIndexOfInequalityBatch,
} from "../../../models/statistics/index.ts";

const { columns: input, options } = workerData as {
  columns: InequalityGroupColumns;
  options: SlopeIndexOptions;
};
const result = slopeIndexOfInequalityBatch(input, options);
const columns = [
  result.sii,
  result.rii,
  result.intercept,
  result.lowerSii,
  result.upperSii,
  result.lowerRii,
  result.upperRii,
];
parentPort!.postMessage(
  result,
  columns.map((column) => column.buffer as ArrayBuffer),
);
