import { vendorScriptResponse } from '@/lib/figures/vendor-scripts';

// GET /api/vendor/bokeh — BokehJS (npm @bokeh/bokehjs) for the sandboxed frames that draw bokeh figures from their JSON
export const GET = (): Promise<Response> => vendorScriptResponse('bokeh');
