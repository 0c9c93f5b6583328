// Exposes exactly two functions to the page: invoke(channel, request) and onChanged(listener). No Node, no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ChangeEvent } from '../../shared/contract';
import { IPC_CHANGED, IPC_CHANNEL } from '../../shared/ipc';
import type { Bridge } from '../../shared/ipc';

const bridge: Bridge = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_CHANNEL, channel, request),
  onChanged: (listener) => {
    const relay = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
    ipcRenderer.on(IPC_CHANGED, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANGED, relay);
    };
  },
};

contextBridge.exposeInMainWorld('qingdan', bridge);
