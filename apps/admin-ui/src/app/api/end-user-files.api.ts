import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import { exportEndUsers, importEndUsers, importGlobalUsers, listGlobalUsers } from './generated/functions';

/** End-user import and export (the JSON file format of FeatBit's end-user upload) and global users. */
@Injectable({ providedIn: 'root' })
export class EndUserFilesApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  /**
   * The environment's users as the streamed JSON file the import reads back. Fetched as a Blob with
   * HttpClient: the generated operation drops raw bodies (the route answers a file, not an envelope).
   */
  exportFile(envId: string, searchText = ''): Observable<Blob> {
    const url = exportEndUsers.PATH.replace('{envId}', encodeURIComponent(envId));
    return this.http.post(url, { searchText: searchText || undefined }, { responseType: 'blob' });
  }

  importFile(envId: string, file: Blob) {
    return this.api.call(importEndUsers, { envId, body: { file } });
  }

  globalUsers(pageIndex: number, pageSize: number, name = '') {
    return this.api.call(listGlobalUsers, { pageIndex, pageSize, name: name || undefined });
  }

  importGlobalUsers(file: Blob) {
    return this.api.call(importGlobalUsers, { body: { file } });
  }
}
