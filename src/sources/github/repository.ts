/** What an audit needs to know of a repository. */
export interface RepositoryInfo {
  /** `OWNER/NAME`. */
  fullName: string;
  cloneUrl: string;
  fork: boolean;
  archived: boolean;
  private: boolean;
  /** Kilobytes, as GitHub reports it (approximate). */
  sizeKb: number;
}
