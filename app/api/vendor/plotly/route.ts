import { vendorScriptResponse } from '@/lib/figures/vendor-scripts';

// GET /api/vendor/plotly — plotly.js for the sandboxed frames that draw plotly figures from their JSON
export const GET = (): Promise<Response> => vendorScriptResponse('plotly');
