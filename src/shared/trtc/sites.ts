/**
 * TRTC's two sites: each has its API host and the regions StartStreamIngest accepts there. One data
 * table, read by the account forms, the request validation and the sandbox.
 */
export const sites = {
  china: {
    endpoint: 'trtc.tencentcloudapi.com',
    regions: [
      'ap-beijing',
      'ap-guangzhou',
      'ap-shanghai',
      'ap-chengdu',
      'ap-chongqing',
      'ap-nanjing',
      'ap-hongkong',
      'ap-singapore',
      'ap-bangkok',
      'ap-jakarta',
      'ap-mumbai',
      'ap-seoul',
      'ap-tokyo',
      'na-siliconvalley',
      'na-ashburn',
      'eu-frankfurt',
    ],
  },
  international: {
    endpoint: 'trtc.intl.tencentcloudapi.com',
    // The international StartStreamIngest page lists exactly these.
    regions: ['ap-bangkok', 'ap-guangzhou', 'ap-jakarta', 'ap-mumbai', 'ap-singapore', 'ap-tokyo'],
  },
} as const;

export type Site = keyof typeof sites;
export const siteIds = Object.keys(sites) as Site[];

export const apiVersion = '2019-07-22';
export const signingService = 'trtc';

export function isRegionOfSite(site: Site, region: string): boolean {
  return (sites[site].regions as readonly string[]).includes(region);
}
