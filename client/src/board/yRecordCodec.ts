/** The record codec lives in shared: the server reads board documents the same way. */
export {
  boardMetaMap,
  boardRecordsMap,
  createYRecord,
  readBoardRecords,
  readYRecord,
  writeYRecordChanges,
  type YRecord,
} from '@boussole/shared';
