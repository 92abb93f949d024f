/** chart.js with only the bar chart parts registered: loaded when the contribution chart comes near the viewport. */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export { Chart };
