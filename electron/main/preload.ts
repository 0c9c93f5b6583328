// Exposes exactly one typed function to the page: invoke(channel, request). No Node, no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc';
import type { Bridge } from '../../shared/ipc';

const bridge: Bridge = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_CHANNEL, channel, request),
};

contextBridge.exposeInMainWorld('qingdan', bridge);
